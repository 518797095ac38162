import { mountScreen, PairingGate } from '@qms/ui-kit';
import { App } from './App';
import { lockDown } from './lockdown';
import './app.css';

lockDown(document);
// Without a device token the kiosk shows its pairing code until an admin pairs it.
mountScreen(() => (
  <PairingGate kind="kiosk">
    <App />
  </PairingGate>
));

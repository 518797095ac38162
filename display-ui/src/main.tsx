import { mountScreen, PairingGate } from '@qms/ui-kit';
import { App } from './App';
import './app.css';

// Without a device token the display shows its pairing code until an admin pairs it.
mountScreen(() => (
  <PairingGate kind="display">
    <App />
  </PairingGate>
));

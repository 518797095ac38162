import { mountScreen } from '@qms/ui-kit';
import { App } from './App';
import { lockDown } from './lockdown';
import './app.css';

lockDown(document);
mountScreen(App);

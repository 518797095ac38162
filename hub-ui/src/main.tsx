import { mountScreen } from '@qms/ui-kit';
import { App } from './App';
import './app.css';

mountScreen(App);

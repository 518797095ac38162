import { screenConfig } from '../ui-kit/vite-screen';

export default screenConfig('kiosk', 5173);

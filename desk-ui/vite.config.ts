import { screenConfig } from '../ui-kit/vite-screen';

export default screenConfig('desk', 5176);

import { screenConfig } from '../ui-kit/vite-screen';

export default screenConfig('admin', 5177);

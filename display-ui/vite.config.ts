import { screenConfig } from '../ui-kit/vite-screen';

export default screenConfig('display', 5174);

import { screenConfig } from '../ui-kit/vite-screen';

export default screenConfig('rating', 5175);

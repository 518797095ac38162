import { screenConfig } from '../ui-kit/vite-screen';

export default screenConfig('book', 5178);

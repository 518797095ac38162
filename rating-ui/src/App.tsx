import { Phone } from './Phone';
import { Tablet } from './Tablet';

/** One bundle, two pages: the counter tablet at /rating/, the ticket QR's phone page at /rating/phone/. */
export function App() {
  return /\/rating\/phone\/?$/.test(window.location.pathname) ? <Phone /> : <Tablet />;
}

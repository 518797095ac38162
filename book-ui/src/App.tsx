import { useEffect, useState } from 'react';
import type { BookAppointmentReply } from '@qms/protocol';
import { DemoBadge, LangSwitch, useLang } from '@qms/ui-kit';
import { Book } from './Book';
import { Booking } from './Booking';
import { getJson } from './api';
import { useWords } from './words';

type Place = { code: string; key: string | null } | null;

const placeOf = (search: string): Place => {
  const q = new URLSearchParams(search);
  const code = q.get('code');
  return code ? { code, key: q.get('k') } : null;
};

/** One page, two views: the booking steps at /book/, and a booking's own page at its link (/book/?code=…&k=…). */
export function App() {
  const { w } = useWords();
  useLang();
  const [place, setPlace] = useState<Place>(() => placeOf(location.search));
  const [fresh, setFresh] = useState<BookAppointmentReply | null>(null);
  useEffect(() => {
    const follow = () => {
      setFresh(null);
      setPlace(placeOf(location.search));
    };
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  const go = (url: string, booked: BookAppointmentReply | null) => {
    history.pushState(null, '', url);
    setFresh(booked);
    setPlace(placeOf(location.search));
    window.scrollTo(0, 0);
  };
  return (
    <div className="book">
      <header className="book__head">
        <h1 className="book__title">{w('title')}</h1>
        <LangSwitch />
      </header>
      <main className="book__main">
        {place ? (
          <Booking key={place.code} code={place.code} bookingKey={place.key} fresh={fresh} onNew={() => go('/book/', null)} />
        ) : (
          <Book onBooked={(reply) => go(reply.manageUrl, reply)} />
        )}
      </main>
      <DemoFlag />
    </div>
  );
}

function DemoFlag() {
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    getJson<{ demo: boolean }>('/api/health').then((h) => setDemo(h.demo), () => undefined);
  }, []);
  return demo ? <DemoBadge /> : null;
}

import type { PriorityIcon as Icon } from '@qms/protocol';

// Plain line drawings in the text's colour (no emoji: the kiosk PC may have no emoji font).
const drawings: Record<Icon, React.ReactNode> = {
  elderly: (
    <>
      <circle cx="10" cy="4" r="2.2" />
      <path d="M10 7v6l-3 7M10 13l3 7M10 9l-3 3M10 9l4 2M17 11v10" />
    </>
  ),
  pregnant: (
    <>
      <circle cx="11" cy="4" r="2.2" />
      <path d="M11 7v5c3 0 4.5 2 4 4s-2.5 2-4 2v3M11 12l-3 3" />
    </>
  ),
  disability: (
    <>
      <circle cx="9" cy="4" r="2.2" />
      <path d="M9 7v6h6l2 5M9 10h5" />
      <path d="M6.5 11.5a5 5 0 1 0 7.5 5.5" />
    </>
  ),
  child: (
    <>
      <circle cx="12" cy="6" r="2.6" />
      <path d="M12 9v6l-2.5 5M12 15l2.5 5M12 11l-3.5 2M12 11l3.5 2" />
    </>
  ),
  veteran: (
    <>
      <path d="M8 2l4 6 4-6" />
      <circle cx="12" cy="15" r="6" />
      <path d="M12 11.5l1.1 2.3 2.5.3-1.8 1.7.5 2.5-2.3-1.2-2.3 1.2.5-2.5-1.8-1.7 2.5-.3z" />
    </>
  ),
  star: <path d="M12 3l2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3 6.4 20.2l1.1-6.2L3 9.6l6.2-.9z" />,
};

/** A priority group's icon, drawn beside its name (`icon` from the setup). */
export function PriorityIcon({ icon, className }: { icon: Icon; className?: string }) {
  return (
    <svg className={className ?? 'qms-priority-icon'} viewBox="0 0 24 24" width="1.3em" height="1.3em" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      {drawings[icon]}
    </svg>
  );
}

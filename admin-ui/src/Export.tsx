import { useState } from 'react';
import { errorText, getLang, getToken, type Range } from '@qms/ui-kit';
import { useWords } from './words';

/** Streams a file from the API, showing how much has arrived, then hands it to the browser as a download. */
async function download(path: string, onProgress: (bytes: number) => void): Promise<string> {
  const res = await fetch(path, { headers: { Authorization: `Bearer ${getToken() ?? ''}`, 'Accept-Language': getLang() } });
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'bao-cao';
  const reader = res.body.getReader();
  const chunks: BlobPart[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    onProgress(bytes);
  }
  const url = URL.createObjectURL(new Blob(chunks, { type: res.headers.get('content-type') ?? 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

export function ExportButtons({ range }: { range: Range }) {
  const { w, lang } = useWords();
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (file: 'export.xlsx' | 'export.csv' | 'export.csv?excel=vi') => {
    setBusy(true);
    setStatus(w('export.progress', { kb: 0 }));
    try {
      const query = `from=${range.from}&to=${range.to}`;
      const name = await download(`/api/stats/${file}${file.includes('?') ? '&' : '?'}${query}`, (b) => setStatus(w('export.progress', { kb: Math.round(b / 1024) })));
      setStatus(w('export.done', { name }));
    } catch (err) {
      setStatus(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="reports__export">
      <button type="button" className="qms-btn qms-btn--primary" disabled={busy} onClick={() => void run('export.xlsx')}>
        {w('export.xlsx')}
      </button>
      <button type="button" className="qms-btn" disabled={busy} title={w('export.csvViHint')} onClick={() => void run('export.csv?excel=vi')}>
        {w('export.csvVi')}
      </button>
      <button type="button" className="qms-btn" disabled={busy} title={w('export.csvHint')} onClick={() => void run('export.csv')}>
        {w('export.csv')}
      </button>
      {status && (
        <span className="qms-hint reports__export-status" role="status">
          {status}
        </span>
      )}
    </div>
  );
}

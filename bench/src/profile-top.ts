import { readFileSync } from 'node:fs';
import { topInclusive, topSelf } from './profile';

// `npx tsx bench/src/profile-top.ts <file.cpuprofile>`: the top self and inclusive entries of a profile.
const profile = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Parameters<typeof topSelf>[0];
console.log('self:');
for (const t of topSelf(profile, 30)) console.log(`${(t.share * 100).toFixed(1).padStart(5)} %  ${t.fn}`);
console.log('inclusive:');
for (const t of topInclusive(profile, 30)) console.log(`${(t.share * 100).toFixed(1).padStart(5)} %  ${t.fn}`);

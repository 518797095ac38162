import { createInterface } from 'node:readline/promises';
import { hashPassword } from '@qms/protocol/password';

// Prints a passwordHash for an account in the center config; the password is read from stdin, never from argv.
const rl = createInterface({ input: process.stdin, output: process.stderr });
const password = await rl.question('Mật khẩu / Password: ');
rl.close();
if (password.length < 8) {
  console.error('Mật khẩu cần ít nhất 8 ký tự / The password needs at least 8 characters.');
  process.exit(1);
}
console.log(hashPassword(password));

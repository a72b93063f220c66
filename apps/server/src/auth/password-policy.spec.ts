import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('refuses short, common, breached and patterned passwords, naming the field', () => {
    expect(passwordProblem('kettle', 'password')).toBe('password must be at least 10 characters');
    for (const weak of ['aaaaaaaaaa', '1234567890', 'password12', 'qwertyuiop', 'iloveyou123', 'Passw0rd!2024']) {
      expect([weak, passwordProblem(weak, 'newPassword')]).toEqual([
        weak,
        expect.stringMatching(/^newPassword is too easy to guess/),
      ]);
    }
  });

  it("refuses the account's own e-mail or name", () => {
    const owner = { email: 'zuzanna.wojcik@clinic.example', displayName: 'Zuzanna Wójcik' };
    expect(passwordProblem('zuzanna.wojcik', 'password', owner)).toMatch(/too easy to guess/);
    expect(passwordProblem('zuzanna.wojcik', 'password')).toBeNull();
  });

  it('accepts passphrases and long random passwords, whatever their characters', () => {
    for (const strong of ['kettle orbit lantern', 'correct horse battery', 'yku5ej8nvfaor28l', 'żółw pije herbatę']) {
      expect([strong, passwordProblem(strong, 'password')]).toEqual([strong, null]);
    }
  });
});

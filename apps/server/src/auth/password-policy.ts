import { PASSWORD_MIN_LENGTH } from '@echo-hub/protocol';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * The password rule of register, reset and change: at least PASSWORD_MIN_LENGTH characters, no composition
 * rules (a passphrase of a few words is the best kind), and refused when easy to guess. zxcvbn-ts rates it
 * offline against about 50,000 passwords from breaches (language-common), English words and names
 * (language-en), keyboard runs, repeats, sequences and dates; and against the account's own e-mail and name.
 * Below score 3 (about 10^8 guesses) it is refused, with zxcvbn's reason in the message.
 */
const MIN_SCORE = 3;
export const NEW_PASSWORD_RULE =
  `At least ${PASSWORD_MIN_LENGTH} characters, passphrases welcome; refused when common, found in breaches, ` +
  'or otherwise easy to guess (repeats, sequences, keyboard runs, the e-mail or name of the account)';

let estimator: ZxcvbnFactory | undefined;
/** Built on first use: decompressing the dictionaries takes a moment. */
const zxcvbn = () =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  }));

/** Whose password it is: an attacker tries their e-mail and name first. */
export interface PasswordOwner {
  email?: unknown;
  displayName?: unknown;
}

/** Why `password` is refused as a new password for the field `field`, or null when it is strong enough. */
export function passwordProblem(password: string, field: string, owner: PasswordOwner = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `${field} must be at least ${PASSWORD_MIN_LENGTH} characters`;
  // Past 100 characters the guess count only grows; zxcvbn's matching slows with length.
  const { score, feedback } = zxcvbn().check(password.slice(0, 100), userInputs(owner));
  if (score >= MIN_SCORE) return null;
  const why = feedback.warning ? ` (${feedback.warning.replace(/\.$/, '')})` : '';
  return `${field} is too easy to guess${why}: use a few unrelated words, or a longer password that is not a common one`;
}

/**
 * A new password (see passwordProblem). The e-mail and display name of the same body, when it has them, count
 * as words an attacker would try first.
 */
export function NewPassword(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'newPassword',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          typeof value === 'string' && passwordProblem(value, propertyName, args.object) === null,
        defaultMessage: (args: ValidationArguments) =>
          typeof args.value === 'string'
            ? (passwordProblem(args.value, propertyName, args.object) ?? '')
            : `${propertyName} must be a string`,
      },
    });
}

function userInputs({ email, displayName }: PasswordOwner): string[] {
  return [email, typeof email === 'string' ? email.split('@')[0] : undefined, displayName].filter(
    (v): v is string => typeof v === 'string' && v.length > 0,
  );
}

import { readPhonePolicyConfig } from './phone-policy.config.js';
import { problemsOf } from '../../test/support/configuration-problems.js';

describe('readPhonePolicyConfig', () => {
  it('allows every country by default', () => {
    expect(readPhonePolicyConfig({})).toEqual({ allowedCountries: [] });
  });

  it('treats an empty ALLOWED_COUNTRIES as unset', () => {
    expect(readPhonePolicyConfig({ ALLOWED_COUNTRIES: '' })).toEqual({ allowedCountries: [] });
  });

  it('reads a list, trimmed, upper-cased and without empty items', () => {
    expect(readPhonePolicyConfig({ ALLOWED_COUNTRIES: 'us, gb,,De ' })).toEqual({
      allowedCountries: ['US', 'GB', 'DE'],
    });
  });

  it.each(['USA', 'U', 'US;GB', 'XX'])('refuses %j as a country list', (value) => {
    const problems = problemsOf(() => readPhonePolicyConfig({ ALLOWED_COUNTRIES: value }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^ALLOWED_COUNTRIES must be a comma-separated list of two-letter ISO/,
    );
  });

  // AQ is a valid ISO code but has no numbering plan: no number could ever pass the policy.
  it('refuses countries that have no phone numbering rules, naming them', () => {
    expect(problemsOf(() => readPhonePolicyConfig({ ALLOWED_COUNTRIES: 'US,AQ' }))).toEqual([
      'ALLOWED_COUNTRIES names countries without phone numbering rules: AQ',
    ]);
  });
});

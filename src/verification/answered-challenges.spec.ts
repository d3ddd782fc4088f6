import { AnsweredChallenges } from './answered-challenges.js';
import type { Challenge } from './entities/challenge.entity.js';

describe('AnsweredChallenges', () => {
  const challenge = (id: string) => ({ id }) as Challenge;

  it('remembers and forgets', () => {
    const answered = new AnsweredChallenges();
    answered.remember(challenge('a'));
    expect(answered.get('a')?.id).toBe('a');
    answered.forget('a');
    expect(answered.get('a')).toBeUndefined();
  });

  it('lets the oldest go once full, so entries left by calls ended elsewhere cannot pile up', () => {
    const answered = new AnsweredChallenges();
    for (let index = 0; index <= 20_000; index++) answered.remember(challenge(String(index)));
    expect(answered.get('0')).toBeUndefined();
    expect(answered.get('1')?.id).toBe('1');
    expect(answered.get('20000')?.id).toBe('20000');
  });
});

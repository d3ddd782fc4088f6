import { Injectable } from '@nestjs/common';
import type { Challenge } from './entities/challenge.entity.js';

/** Enough for the calls this instance is carrying at once, with room to spare. */
const CAPACITY = 20_000;

/**
 * Challenges whose call was answered on this instance, kept so a key press can go
 * straight to its conditional UPDATE instead of reading the row first. Only the fields
 * that never change after the answer are trusted from here (code hashes, length,
 * purpose, binding, call, expiry); the UPDATE's WHERE clause still decides against the
 * database, and a press it refuses (a retry, a race, a challenge ended elsewhere) takes
 * the reading path. Nothing depends on an entry being here: another instance, or this
 * one after a restart, simply reads.
 */
@Injectable()
export class AnsweredChallenges {
  private readonly entries = new Map<string, Challenge>();

  remember(challenge: Challenge): void {
    this.entries.delete(challenge.id);
    this.entries.set(challenge.id, challenge);
    // Oldest first out: an entry left by a call that ended elsewhere costs nothing but room.
    if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value!);
  }

  get(id: string): Challenge | undefined {
    return this.entries.get(id);
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}

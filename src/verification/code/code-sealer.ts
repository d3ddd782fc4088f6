import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CodeKeys } from './code-keys.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals a code for keeping in its own session (so a reload can show it again) with
 * AES-256-GCM, authenticated to its challenge id: a session store copy reveals no code.
 */
@Injectable()
export class CodeSealer {
  constructor(private readonly keys: CodeKeys) {}

  seal(challengeId: string, code: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.sealKey, iv, {
      authTagLength: TAG_BYTES,
    });
    cipher.setAAD(Buffer.from(challengeId));
    const body = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
    return [iv, body, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
  }

  /** The code, or undefined when the seal was tampered with or belongs to another challenge. */
  open(challengeId: string, sealed: string): string | undefined {
    const [iv, body, tag] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    // GCM would accept a shortened tag, making forgery that much easier: insist on all of it.
    if (iv?.length !== IV_BYTES || !body || tag?.length !== TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.keys.sealKey, iv, {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(challengeId));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}

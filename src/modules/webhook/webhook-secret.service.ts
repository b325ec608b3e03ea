import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { ServerSecretService } from '../auth/server-secret.service';

const KEY_NAME = 'webhook_secret_aes256';
const FORMAT = 'v1';

/**
 * Webhook signing secrets: made here (`whsec_` + 32 random bytes in base64, the Standard Webhooks
 * format), stored encrypted with AES-256-GCM under a server key (server_secret, shared by every
 * instance), the webhook id bound in as associated data so a ciphertext moved to another row does
 * not decrypt. A database dump alone (without server_secret) does not give the secrets away; the
 * plaintext is answered once, at creation, and never logged.
 */
@Injectable()
export class WebhookSecretService implements OnModuleInit {
  private key?: Buffer;
  /** Decrypted signers, by ciphertext: a delivery signs without decrypting each time. */
  private readonly signers = new Map<string, Webhook>();

  constructor(private readonly serverSecrets: ServerSecretService) {}

  async onModuleInit(): Promise<void> {
    this.key = await this.serverSecrets.generatedOnce(KEY_NAME, 32);
  }

  generate(): string {
    return `whsec_${randomBytes(32).toString('base64')}`;
  }

  encrypt(webhookId: string, secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keyOrFail(), iv);
    cipher.setAAD(Buffer.from(webhookId));
    const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [FORMAT, ...[iv, cipher.getAuthTag(), data].map((p) => p.toString('base64'))].join('.');
  }

  decrypt(webhookId: string, stored: string): string {
    const [format, iv, tag, data] = stored.split('.');
    if (format !== FORMAT || data === undefined) {
      throw new Error('unknown webhook secret format');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.keyOrFail(), Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(webhookId));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  }

  /** `Webhook-Signature` for one message: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`. */
  sign(webhookId: string, stored: string, messageId: string, at: Date, body: string): string {
    let signer = this.signers.get(stored);
    if (!signer) {
      if (this.signers.size >= 1000) this.signers.clear();
      signer = new Webhook(this.decrypt(webhookId, stored));
      this.signers.set(stored, signer);
    }
    return signer.sign(messageId, at, body);
  }

  private keyOrFail(): Buffer {
    if (!this.key) throw new Error('webhook secret key not loaded');
    return this.key;
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { Principal } from '../common/auth/principal';
import { CLOCK, type Clock } from '../common/clock';
import { AppError, badRequest, conflict, notFound } from '../common/errors/app-error';
import { Transactions } from '../database/transactions';
import { AssetsService } from './assets.service';
import type { UploadProgressDto, UploadSessionDto } from './dto/upload.dto';
import type { AssetRole } from './rules/sniff';
import { AppendOverflow, ASSET_STORAGE } from './storage/asset-storage';
import type { AssetStorage } from './storage/asset-storage';
import { UploadSession, uploadSessionKey } from './upload-session.entity';
import { deleteSession, leaseSession, releaseSession } from './uploads.store';

/** A session may be resumed this long after it began; the hourly maintenance removes it after
 * (CompetitionsMaintenance.sweepExpiredUploads). */
export const UPLOAD_SESSION_TTL_HOURS = 24;
/** How long a request may hold a session before another may write to it (a crashed process). */
const LEASE_MINUTES = 30;

const aborted = () =>
  new AppError(
    400,
    'UPLOAD_ABORTED',
    'The connection ended during the upload; ask for the offset and send the rest',
  );

/**
 * Resumable uploads: a file is announced (role, size, name), then sent in pieces, each starting at
 * the offset the server holds. Bytes that arrive before a connection drops are kept, so a client
 * asks for the offset and sends the rest. When the last byte arrives the file goes through exactly
 * the checks of a direct upload (AssetsService.adopt: limits, quotas, content sniffing, sha256).
 */
@Injectable()
export class ResumableUploadsService {
  private readonly logger = new Logger(ResumableUploadsService.name);

  constructor(
    private readonly tx: Transactions,
    @Inject(ASSET_STORAGE) private readonly storage: AssetStorage,
    private readonly assets: AssetsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async begin(
    actor: Principal,
    submissionId: string,
    dto: { role: AssetRole; size: number; name?: string },
  ): Promise<UploadSessionDto> {
    const { maxBytes, overLimit } = await this.assets.admit(actor, submissionId);
    if (dto.size > maxBytes) throw overLimit();
    const m = this.tx.manager;
    const session = await m.save(
      UploadSession,
      m.create(UploadSession, {
        submissionId,
        userId: actor.id,
        role: dto.role,
        name: dto.name?.slice(0, 255) ?? null,
        size: dto.size,
        expiresAt: new Date(this.clock.now().getTime() + UPLOAD_SESSION_TTL_HOURS * 3600_000),
      }),
    );
    return this.view(session, 0);
  }

  async status(actor: Principal, id: string): Promise<UploadSessionDto> {
    const session = await this.own(actor, id);
    return this.view(session, (await this.storage.size(uploadSessionKey(id))) ?? 0);
  }

  /**
   * Appends a piece sent from `offset`. Answers the new offset; with the last byte, the asset.
   * 409 UPLOAD_OFFSET_MISMATCH when the offset is not the one held (ask GET /uploads/{id}).
   */
  async append(
    actor: Principal,
    id: string,
    offset: number,
    length: number | undefined,
    body: Readable,
  ): Promise<UploadProgressDto> {
    const drain = () => body.resume();
    const session = await this.own(actor, id).catch((err: unknown) => {
      drain();
      throw err;
    });
    if (!(await leaseSession(this.tx.manager, id, LEASE_MINUTES))) {
      drain();
      throw conflict('Another request is sending this upload right now', 'UPLOAD_BUSY');
    }
    const key = uploadSessionKey(id);
    try {
      const held = (await this.storage.size(key)) ?? 0;
      if (offset !== held) {
        drain();
        throw conflict(
          `The upload holds ${held} bytes: send from offset ${held}`,
          'UPLOAD_OFFSET_MISMATCH',
        );
      }
      if (length !== undefined && offset + length > session.size) {
        drain();
        throw new AppError(
          413,
          'PAYLOAD_TOO_LARGE',
          `The upload was announced with ${session.size} bytes; this piece goes past them`,
        );
      }
      let reached: number;
      try {
        reached = await this.storage.append(key, offset, body, session.size);
      } catch (err) {
        if (err instanceof AppendOverflow) {
          throw new AppError(
            413,
            'PAYLOAD_TOO_LARGE',
            `The upload was announced with ${session.size} bytes; more arrived`,
          );
        }
        throw aborted();
      }
      if (reached < session.size) return { ...this.view(session, reached), asset: null };
      try {
        const asset = await this.assets.adopt(
          actor,
          session.submissionId,
          session.role,
          key,
          session.name,
        );
        return { ...this.view(session, reached), asset };
      } finally {
        // Complete: it became a file of the entry, or it was refused (too large, wrong type,
        // over quota, late): either way the session is spent.
        await this.discard(id);
      }
    } finally {
      await releaseSession(this.tx.manager, id);
    }
  }

  async cancel(actor: Principal, id: string): Promise<void> {
    await this.own(actor, id);
    await this.discard(id);
  }

  private async discard(id: string): Promise<void> {
    await deleteSession(this.tx.manager, id);
    await this.storage
      .remove(uploadSessionKey(id))
      .catch((e: Error) => this.logger.warn(`Upload ${id} left behind: ${e.message}`));
  }

  /** The caller's own session: anyone else's is 404, one past its time 410 UPLOAD_EXPIRED. */
  private async own(actor: Principal, id: string): Promise<UploadSession> {
    const session = await this.tx.manager.findOneBy(UploadSession, { id, userId: actor.id });
    if (!session) throw notFound('Upload');
    if (session.expiresAt <= this.clock.now()) {
      throw new AppError(
        410,
        'UPLOAD_EXPIRED',
        'This upload was not finished in time: start it again',
      );
    }
    return session;
  }

  private view(session: UploadSession, offset: number): UploadSessionDto {
    return {
      id: session.id,
      submissionId: session.submissionId,
      role: session.role,
      name: session.name,
      size: session.size,
      offset,
      expiresAt: session.expiresAt.toISOString(),
    };
  }
}

export const offsetHeader = (value: string | undefined) => {
  const n = value !== undefined && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) {
    throw badRequest('VALIDATION_FAILED', 'Upload-Offset must be the byte offset of this piece', [
      { path: 'Upload-Offset', message: 'a whole number of bytes' },
    ]);
  }
  return n;
};

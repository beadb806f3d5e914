import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { finished, type Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal';
import { AppError, badRequest, notFound } from '../common/errors/app-error';
import { Transactions } from '../database/transactions';
import { toAssetDto } from './asset-view';
import { assetUsage, lockUploader } from './assets.store';
import type { AssetResponseDto } from './dto/submission.dto';
import { ASSET_ROLES, AssetRole } from './rules/sniff';
import { ASSET_STORAGE } from './storage/asset-storage';
import type { AssetStorage } from './storage/asset-storage';
import { SubmissionAccess } from './submission-access';
import { bumpVersion } from './submission-lifecycle';
import { SubmissionAsset } from './submission.entity';
import { SubmissionsService } from './submissions.service';
import { formatBytes, tooLarge, UploadInspector } from './upload-inspector';
import { AppConfig } from '../config/app-config';

/** Two gigabytes unless the competition sets its own limit. */
export const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

const tooManyFiles = (max: number) =>
  new AppError(
    409,
    'QUOTA_EXCEEDED',
    `An entry holds at most ${max} files: remove one before adding another`,
  );

const overQuota = (scope: 'submission' | 'user', cap: number) =>
  new AppError(
    413,
    'QUOTA_EXCEEDED',
    scope === 'submission'
      ? `The files of an entry may take ${formatBytes(cap)} (${cap} bytes) together: this one does not fit`
      : `The files you upload may take ${formatBytes(cap)} (${cap} bytes) together: this one does not fit`,
  );

export const invalidRole = () =>
  badRequest(
    'VALIDATION_FAILED',
    `role must be one of ${ASSET_ROLES.join(', ')}, sent before the file`,
    [{ path: 'role', message: `one of ${ASSET_ROLES.join(', ')}` }],
  );

/** One file part of a multipart request, as the controller found it. */
export interface IncomingFile {
  role: string | undefined;
  filename: string | undefined;
  stream: Readable;
  /** True once the parser cut the file at the limit it was given. */
  truncated(): boolean;
}

/** Opens the request's file part with the byte limit the parser should enforce. */
export type FileOpener = (maxBytes: number) => Promise<IncomingFile | undefined>;

@Injectable()
export class AssetsService {
  private readonly logger = new Logger(AssetsService.name);

  constructor(
    private readonly tx: Transactions,
    @Inject(ASSET_STORAGE) private readonly storage: AssetStorage,
    private readonly access: SubmissionAccess,
    private readonly submissions: SubmissionsService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Checks who and when before reading a byte, streams the file through the inspector into
   * storage without holding a transaction, then records it as a new version. An upload that
   * began before the deadline is accepted even if its last byte arrives after it.
   */
  async upload(
    actor: Principal,
    submissionId: string,
    open: FileOpener,
  ): Promise<AssetResponseDto> {
    const { maxBytes, overLimit } = await this.admit(actor, submissionId);
    const file = await open(maxBytes);
    if (!file) {
      throw badRequest('VALIDATION_FAILED', 'Send the file as the multipart field "file"', [
        { path: 'file', message: 'missing' },
      ]);
    }
    if (!ASSET_ROLES.includes(file.role as AssetRole)) {
      file.stream.resume();
      throw invalidRole();
    }
    const role = file.role as AssetRole;
    const inspector = new UploadInspector(role, maxBytes, overLimit);
    // The parser stops at the limit without an error: turn its cut into the inspector's 413.
    file.stream.on('limit', () => inspector.destroy(tooLarge(maxBytes)));
    // A client that goes away mid-file ends the part early; fail the write so its file goes.
    finished(file.stream, (err) => {
      if (err) {
        inspector.destroy(
          new AppError(400, 'UPLOAD_ABORTED', 'The upload ended before the file was complete'),
        );
      }
    });
    file.stream.pipe(inspector);
    const key = `${submissionId}/${randomUUID()}`;
    try {
      await this.storage.put(key, inspector);
    } catch (err) {
      // Read the rest of the part and drop it, so the client can still receive our answer.
      file.stream.unpipe(inspector);
      file.stream.resume();
      throw err;
    }
    if (file.truncated()) {
      await this.storage.remove(key);
      throw overLimit();
    }
    return this.record(actor, submissionId, role, key, inspector, file.filename);
  }

  /**
   * Who, when and how much, before a byte is read: a member of the team, before the deadline,
   * with disk space, a file slot and room under the quotas. Gives the most the file may hold and
   * the error past it (the quota's when the quota is tighter, else the file limit).
   */
  async admit(actor: Principal, submissionId: string) {
    const { competition } = await this.tx.run((m) =>
      this.submissions.editable(m, actor, submissionId),
    );
    await this.assertDiskSpace();
    const fileLimit = competition.limits.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
    const room = await this.room(this.tx.manager, submissionId, actor.id);
    if (room.files <= 0) throw tooManyFiles(this.config.UPLOAD_MAX_FILES_PER_SUBMISSION);
    if (room.bytes <= 0) throw overQuota(room.scope, room.cap);
    const maxBytes = Math.min(fileLimit, room.bytes);
    const overLimit = () =>
      room.bytes < fileLimit ? overQuota(room.scope, room.cap) : tooLarge(maxBytes);
    return { maxBytes, overLimit };
  }

  /**
   * Streams stored bytes (a finished resumable upload) through the same inspector as a direct
   * upload into a file of the entry, and records it; the caller removes the source afterwards.
   */
  async adopt(
    actor: Principal,
    submissionId: string,
    role: AssetRole,
    sourceKey: string,
    filename: string | null,
  ): Promise<AssetResponseDto> {
    const { maxBytes, overLimit } = await this.admit(actor, submissionId);
    const inspector = new UploadInspector(role, maxBytes, overLimit);
    const key = `${submissionId}/${randomUUID()}`;
    await this.storage.put(key, (await this.storage.get(sourceKey)).pipe(inspector));
    return this.record(actor, submissionId, role, key, inspector, filename ?? undefined);
  }

  /** Records an inspected file stored under `key` as a new version; on failure the file goes. */
  private async record(
    actor: Principal,
    submissionId: string,
    role: AssetRole,
    key: string,
    inspector: UploadInspector,
    filename: string | undefined,
  ): Promise<AssetResponseDto> {
    try {
      return await this.tx.run(async (m) => {
        const { submission } = await this.submissions.editable(m, actor, submissionId);
        // Checked again under the entry's lock and the uploader's, so two uploads side by side
        // cannot both take the last room.
        await lockUploader(m, actor.id);
        const now = await this.room(m, submissionId, actor.id);
        if (now.files <= 0) throw tooManyFiles(this.config.UPLOAD_MAX_FILES_PER_SUBMISSION);
        if (now.bytes < inspector.bytes) throw overQuota(now.scope, now.cap);
        const asset = await m.save(
          SubmissionAsset,
          m.create(SubmissionAsset, {
            submissionId,
            role,
            mime: inspector.mime as string,
            size: inspector.bytes,
            sha256: inspector.sha256,
            storageKey: key,
            originalName: filename?.slice(0, 255) ?? null,
            uploadedById: actor.id,
          }),
        );
        await bumpVersion(
          m,
          submission,
          'asset_added',
          actor.id,
          {
            asset: { id: asset.id, role, mime: asset.mime, size: asset.size, sha256: asset.sha256 },
          },
          {},
        );
        return toAssetDto(asset);
      });
    } catch (err) {
      await this.storage.remove(key).catch((e: Error) => this.logger.warn(e.message));
      throw err;
    }
  }

  /** 507 while the store has less free space than UPLOAD_MIN_FREE_BYTES. */
  async assertDiskSpace(): Promise<void> {
    const free = await this.storage.freeBytes();
    if (free !== null && free < this.config.UPLOAD_MIN_FREE_BYTES) {
      throw new AppError(
        507,
        'INSUFFICIENT_STORAGE',
        'Kenal is short of storage space right now; try the upload again later',
      );
    }
  }

  /**
   * What the entry and the uploader may still add: files left on the entry, and bytes left under
   * the tighter of the entry's and the uploader's quota (which one, and its size, for the error).
   */
  private async room(
    m: EntityManager,
    submissionId: string,
    userId: string,
  ): Promise<{ files: number; bytes: number; scope: 'submission' | 'user'; cap: number }> {
    const used = await assetUsage(m, submissionId, userId);
    const c = this.config;
    const entryRoom = c.UPLOAD_MAX_BYTES_PER_SUBMISSION - used.entryBytes;
    const userRoom = c.UPLOAD_MAX_BYTES_PER_USER - used.userBytes;
    return {
      files: c.UPLOAD_MAX_FILES_PER_SUBMISSION - used.files,
      ...(entryRoom <= userRoom
        ? { bytes: entryRoom, scope: 'submission' as const, cap: c.UPLOAD_MAX_BYTES_PER_SUBMISSION }
        : { bytes: userRoom, scope: 'user' as const, cap: c.UPLOAD_MAX_BYTES_PER_USER }),
    };
  }

  /**
   * Removes a file from the entry (a team replaces a wrong poster by removing it and uploading
   * another), as a new version; the bytes go from storage once the change has committed.
   */
  async remove(actor: Principal, submissionId: string, assetId: string): Promise<void> {
    const key = await this.tx.run(async (m) => {
      const { submission } = await this.submissions.editable(m, actor, submissionId);
      const asset = await m.findOneBy(SubmissionAsset, { id: assetId, submissionId });
      if (!asset) throw notFound('Asset');
      await m.delete(SubmissionAsset, { id: asset.id });
      await bumpVersion(
        m,
        submission,
        'asset_removed',
        actor.id,
        {
          asset: {
            id: asset.id,
            role: asset.role,
            mime: asset.mime,
            size: asset.size,
            sha256: asset.sha256,
          },
        },
        {},
      );
      return asset.storageKey;
    });
    await this.storage
      .remove(key)
      .catch((e: Error) => this.logger.warn(`Asset file ${key} left behind: ${e.message}`));
  }

  async download(actor: Principal, submissionId: string, assetId: string) {
    await this.access.load(this.tx.manager, actor, submissionId);
    const asset = await this.tx.manager.findOneBy(SubmissionAsset, { id: assetId, submissionId });
    if (!asset) throw notFound('Asset');
    return { asset, stream: await this.storage.get(asset.storageKey) };
  }
}

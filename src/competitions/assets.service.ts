import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { finished, type Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal';
import { AppError, badRequest, notFound } from '../common/errors/app-error';
import { ASSET_ROLES, AssetRole } from './rules/sniff';
import { ASSET_STORAGE } from './storage/asset-storage';
import type { AssetStorage } from './storage/asset-storage';
import { SubmissionAccess } from './submission-access';
import { SubmissionAsset } from './submission.entity';
import { SubmissionsService } from './submissions.service';
import { tooLarge, UploadInspector } from './upload-inspector';

/** Two gigabytes unless the competition sets its own limit. */
export const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

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
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ASSET_STORAGE) private readonly storage: AssetStorage,
    private readonly access: SubmissionAccess,
    private readonly submissions: SubmissionsService,
  ) {}

  /**
   * Checks who and when before reading a byte, streams the file through the inspector into
   * storage without holding a transaction, then records it as a new version. An upload that
   * began before the deadline is accepted even if its last byte arrives after it.
   */
  async upload(actor: Principal, submissionId: string, open: FileOpener) {
    const { competition } = await this.db.transaction((m) =>
      this.submissions.editable(m, actor, submissionId),
    );
    const maxBytes = competition.limits.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
    const file = await open(maxBytes);
    if (!file) {
      throw badRequest('VALIDATION_FAILED', 'Send the file as the multipart field "file"', [
        { path: 'file', message: 'missing' },
      ]);
    }
    if (!ASSET_ROLES.includes(file.role as AssetRole)) {
      file.stream.resume();
      throw badRequest(
        'VALIDATION_FAILED',
        `role must be one of ${ASSET_ROLES.join(', ')}, sent before the file`,
        [{ path: 'role', message: `one of ${ASSET_ROLES.join(', ')}` }],
      );
    }
    const role = file.role as AssetRole;
    const inspector = new UploadInspector(role, maxBytes);
    // Its errors reach us through storage.put's pipeline; this keeps a late one from crashing.
    inspector.on('error', () => undefined);
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
      throw tooLarge(maxBytes);
    }
    try {
      return await this.db.transaction(async (m) => {
        const { submission } = await this.submissions.editable(m, actor, submissionId);
        const asset = await m.save(
          SubmissionAsset,
          m.create(SubmissionAsset, {
            submissionId,
            role,
            mime: inspector.mime as string,
            size: inspector.bytes,
            sha256: inspector.sha256,
            storageKey: key,
            originalName: file.filename?.slice(0, 255) ?? null,
            uploadedById: actor.id,
          }),
        );
        await this.submissions.bump(
          m,
          submission,
          'asset_added',
          actor.id,
          {
            asset: { id: asset.id, role, mime: asset.mime, size: asset.size, sha256: asset.sha256 },
          },
          {},
        );
        return {
          id: asset.id,
          role: asset.role,
          mime: asset.mime,
          size: asset.size,
          sha256: asset.sha256,
          originalName: asset.originalName,
          createdAt: asset.createdAt,
        };
      });
    } catch (err) {
      await this.storage.remove(key).catch((e: Error) => this.logger.warn(e.message));
      throw err;
    }
  }

  /**
   * Removes a file from the entry (a team replaces a wrong poster by removing it and uploading
   * another), as a new version; the bytes go from storage once the change has committed.
   */
  async remove(actor: Principal, submissionId: string, assetId: string): Promise<void> {
    const key = await this.db.transaction(async (m) => {
      const { submission } = await this.submissions.editable(m, actor, submissionId);
      const asset = await m.findOneBy(SubmissionAsset, { id: assetId, submissionId });
      if (!asset) throw notFound('Asset');
      await m.delete(SubmissionAsset, { id: asset.id });
      await this.submissions.bump(
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
    await this.access.load(this.db.manager, actor, submissionId);
    const asset = await this.db
      .getRepository(SubmissionAsset)
      .findOneBy({ id: assetId, submissionId });
    if (!asset) throw notFound('Asset');
    return { asset, stream: await this.storage.get(asset.storageKey) };
  }
}

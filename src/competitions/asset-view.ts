import type { AssetResponseDto } from './dto/submission.dto';
import type { SubmissionAsset } from './submission.entity';

/** An asset's answer; `createdAt` comes as a Date from the entity, as ISO text from SQL's `to_char`. */
export const toAssetDto = (
  a: Pick<SubmissionAsset, 'id' | 'role' | 'mime' | 'size' | 'sha256' | 'originalName'> & {
    createdAt: Date | string;
  },
): AssetResponseDto => ({
  id: a.id,
  role: a.role,
  mime: a.mime,
  size: a.size,
  sha256: a.sha256,
  originalName: a.originalName,
  createdAt: typeof a.createdAt === 'string' ? a.createdAt : a.createdAt.toISOString(),
});

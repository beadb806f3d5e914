import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { notFound } from '../common/errors/app-error';
import { PageQuery, pageOf, skipTake } from '../common/http/pagination';
import { InboxEntry } from './inbox-entry.entity';
import { InboxItemDto, InboxPageDto } from './dto/inbox.dto';
import { view } from './inbox-view';
import { Transactions } from '../database/transactions';

@Injectable()
export class InboxService {
  constructor(private readonly tx: Transactions) {}

  async list(
    userId: string,
    locale: string,
    q: PageQuery & { unread?: boolean },
  ): Promise<InboxPageDto> {
    const qb = this.tx.manager
      .getRepository(InboxEntry)
      .createQueryBuilder('e')
      .where('e.user_id = :userId', { userId })
      .orderBy('e.created_at', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .skip(skipTake(q).skip)
      .take(q.pageSize);
    if (q.unread) qb.andWhere('e.read_at IS NULL');
    const [items, total] = await qb.getManyAndCount();
    const unread = await this.tx.manager
      .getRepository(InboxEntry)
      .count({ where: { userId, readAt: IsNull() } });
    return {
      ...pageOf(
        items.map((e) => view(e, locale)),
        total,
        q,
      ),
      unread,
    };
  }

  /** Marking twice keeps the first read time; another person's entry is simply not found. */
  async markRead(userId: string, locale: string, id: string): Promise<InboxItemDto> {
    const repo = this.tx.manager.getRepository(InboxEntry);
    await repo
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'now()' })
      .where('id = :id AND user_id = :userId AND read_at IS NULL', { id, userId })
      .execute();
    const entry = await repo.findOneBy({ id, userId });
    if (!entry) throw notFound('Notification');
    return view(entry, locale);
  }
}

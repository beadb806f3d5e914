import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import { JobHandlers } from '../jobs/job-handlers';
import { JobName } from '../jobs/job-registry';
import { MaintenanceTasks } from '../jobs/maintenance';
import { LetterDelivery } from './letter-delivery';
import { LettersModule } from './letters.module';
import { dueLetterIds, travellingLetters } from './letters.store';

const SWEEP_BATCH = 500;

/** Delivers a travelling letter when its delayed job comes due. */
@Injectable()
export class LetterDeliveryHandler implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly delivery: LetterDelivery,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.DeliverLetter, async (p) => ({
      delivered: await this.delivery.deliverIfDue(p.letterId),
    }));
  }
}

/**
 * A letter's job is added after its row commits; should Redis fail then (or lose the job),
 * this delivers the letters already due and plans again the jobs of those still travelling
 * (an existing job is not added twice; a delivery holds the row lock, so none goes out twice).
 */
@Injectable()
export class LettersMaintenance {
  constructor(
    private readonly tx: Transactions,
    private readonly delivery: LetterDelivery,
    tasks: MaintenanceTasks,
  ) {
    tasks.register('letters', () => this.sweep());
  }

  async sweep(): Promise<Record<string, number>> {
    let delivered = 0;
    // Bounded: a letter that stays scheduled (clocks apart) must not keep the task spinning.
    for (let batch = 0; batch < 20; batch += 1) {
      const due = await dueLetterIds(this.tx.manager, SWEEP_BATCH);
      let progressed = 0;
      for (const id of due) {
        if (await this.delivery.deliverIfDue(id)) delivered += 1;
        progressed += 1;
      }
      if (progressed < SWEEP_BATCH) break;
    }
    const travelling = await travellingLetters(this.tx.manager);
    for (const letter of travelling) await this.delivery.schedule(letter);
    return { delivered, travelling: travelling.length };
  }
}

/** What the worker adds for letters: the delivery handler and the sweep. */
@Module({
  imports: [LettersModule],
  providers: [LetterDeliveryHandler, LettersMaintenance],
})
export class LettersWorkerModule {}

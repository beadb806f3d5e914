import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { JudgingExport } from './judging-export';
import { AuditModule } from '../audit/audit.module';
import { CompetitionsModule } from '../competitions/competitions.module';
import { ListingResults } from '../competitions/listing-results';
import { SubmissionReaders } from '../competitions/submission-access';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { JudgeAssigner } from './assigner';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';
import { JudgePoolService } from './judge-pool.service';
import { assignmentAccess } from './assignment-access.store';
import { JudgingAccess } from './judging-access';
import { JudgingController } from './judging.controller';
import { JudgeReminderSender } from './reminder-sender';
import { PUBLISHED_RESULTS } from './results-sql';
import { ResultsService } from './results.service';
import { RoundsService } from './rounds.service';
import { TopUpRuns } from './top-up-runs';

@Module({
  imports: [AuditModule, CompetitionsModule, NotificationsModule, ProgrammesModule],
  controllers: [JudgingController, AssignmentsController],
  providers: [
    JudgingExport,
    JudgingAccess,
    JudgeAssigner,
    JudgePoolService,
    RoundsService,
    AssignmentsService,
    ResultsService,
    JudgeReminderSender,
    TopUpRuns,
  ],
})
export class JudgingModule implements OnModuleInit {
  constructor(
    private readonly readers: SubmissionReaders,
    listing: ListingResults,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    // The public listing says whether results are out; competitions cannot import judging.
    listing.readFrom(PUBLISHED_RESULTS);
  }

  /**
   * A judge reads an entry through the competitions routes only in a round that is not blind,
   * and only while the one access rule (assignmentAccess) lets them; in a blind round the entry,
   * with its team, versions and file names, stays out of reach and the judge works from the
   * assignment routes, which show the work alone.
   */
  onModuleInit(): void {
    this.readers.register(async (who, submission, m) =>
      (
        await assignmentAccess(
          m,
          { judgeId: who.id, submissionId: submission.id },
          this.clock.now(),
        )
      ).some((a) => a.access === 'open' && !a.blind),
    );
  }
}

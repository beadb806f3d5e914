import { CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('programme_coordinators')
export class ProgrammeCoordinator {
  @PrimaryColumn('uuid')
  programmeId: string;

  @Index()
  @PrimaryColumn('uuid')
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

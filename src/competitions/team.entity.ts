import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../identity/user.entity';
import { Competition } from './competition.entity';

@Entity('teams')
export class Team {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  competitionId: string;

  @ManyToOne(() => Competition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competition_id' })
  competition?: Competition;

  /** The name members see; a team started without one gets a neutral `Team <code>`. */
  @Column({ type: 'text' })
  name: string;

  /** The name published results show, chosen by the leader; null publishes the neutral name. */
  @Column({ type: 'text', nullable: true })
  publicName: string | null;

  @Column('uuid')
  leaderId: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'leader_id' })
  leader?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Membership; the competition id is copied here so "one team per person" is a unique index. */
@Entity('team_members')
@Index(['competitionId', 'userId'], { unique: true })
export class TeamMember {
  @PrimaryColumn('uuid')
  teamId: string;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: Team;

  @Index()
  @PrimaryColumn('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column('uuid')
  competitionId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  joinedAt: Date;
}

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked';

@Entity('team_invitations')
export class TeamInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  teamId: string;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: Team;

  /** Lower-cased; only the account with this email may accept. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text', unique: true })
  tokenHash: string;

  @Column('uuid')
  invitedById: string;

  @Column({ type: 'text', default: 'pending' })
  status: InvitationStatus;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A team's neutral name, from its id: what a team started without a name is called, and what
 * results publish until the leader chooses a public name. Never a member's name: many are minors.
 */
export const neutralTeamName = (teamId: string): string =>
  `Team ${teamId.replace(/-/g, '').slice(0, 6).toUpperCase()}`;

/** The name published results show for a team. */
export const publicTeamName = (team: { id: string; publicName: string | null }): string =>
  team.publicName ?? neutralTeamName(team.id);

import { Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Alpha owns alpha_items: its own SQL may name the table. */
@Entity('alpha_items')
export class AlphaItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;
}

export const ownRead = `SELECT id FROM alpha_items`;

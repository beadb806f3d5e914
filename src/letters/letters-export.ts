import { Injectable } from '@nestjs/common';
import { PersonalDataExport } from '../common/export/personal-data-export';
import { exportedLetters } from './letters-export.store';

/** Letters a person wrote (whatever became of them) and letters delivered to them. */
@Injectable()
export class LettersExport {
  constructor(exporter: PersonalDataExport) {
    exporter.register('letters', async (m, person) => ({
      letters: await exportedLetters(m, person.id),
    }));
  }
}

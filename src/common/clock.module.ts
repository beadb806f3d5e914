import { Global, Module } from '@nestjs/common';
import { CLOCK, systemClock } from './clock';

/**
 * The clock every process injects (`@Inject(CLOCK)`). The API and the worker share the one
 * systemClock object, so a test in one Node process moves time for both (jest.spyOn on `now`).
 */
@Global()
@Module({
  providers: [{ provide: CLOCK, useValue: systemClock }],
  exports: [CLOCK],
})
export class ClockModule {}

import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AdminUsersService } from './admin-users.service';

/** Runs in the API process at start-up. */
@Injectable()
export class FirstAdmin implements OnApplicationBootstrap {
  constructor(private readonly users: AdminUsersService) {}
  onApplicationBootstrap(): Promise<void> {
    return this.users.ensureFirstAdmin();
  }
}

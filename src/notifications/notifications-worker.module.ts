import { Module } from '@nestjs/common';
import { DeliveryHandler } from './delivery.handler';
import { Mailer } from './mailer';
import { OutboxRelay } from './outbox-relay';

/** What the worker adds: the relay from outbox to queue, and delivery by email and inbox. */
@Module({ providers: [Mailer, DeliveryHandler, OutboxRelay] })
export class NotificationsWorkerModule {}

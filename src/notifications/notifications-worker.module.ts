import { Module } from '@nestjs/common';
import { DeliveryHandler } from './delivery.handler';
import { Mailer } from './mailer';
import { OutboxMaintenance } from './outbox-maintenance';
import { OutboxRelay } from './outbox-relay';

/**
 * What the worker adds: the relay from outbox to queue, delivery by email and inbox, and the
 * deletion of delivered rows after their retention.
 */
@Module({ providers: [Mailer, DeliveryHandler, OutboxRelay, OutboxMaintenance] })
export class NotificationsWorkerModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EntitlementModule } from '../entitlement/entitlement.module';
import { UserModule } from '../user/user.module';
import { MeetingInviteeEntity } from './meeting-invitee.entity';
import { MeetingController } from './meeting.controller';
import { MeetingEntity } from './meeting.entity';
import { MeetingService } from './meeting.service';

/** The three meeting endpoints of v3.1.0 ([K §5]). */
@Module({
  imports: [
    TypeOrmModule.forFeature([MeetingEntity, MeetingInviteeEntity]),
    EntitlementModule,
    UserModule,
  ],
  controllers: [MeetingController],
  providers: [MeetingService],
})
export class MeetingModule {}

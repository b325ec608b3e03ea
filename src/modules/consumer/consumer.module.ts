import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsumerController } from './consumer.controller';
import { ConsumerEntity } from './consumer.entity';
import { ConsumerService } from './consumer.service';

@Module({
  imports: [TypeOrmModule.forFeature([ConsumerEntity])],
  controllers: [ConsumerController],
  providers: [ConsumerService],
  exports: [ConsumerService],
})
export class ConsumerModule {}

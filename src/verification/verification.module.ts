import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { SessionModule } from '../session/session.module.js';
import { TelephonyModule } from '../telephony/telephony.module.js';
import { UsersModule } from '../users/users.module.js';
import { AnsweredChallenges } from './answered-challenges.js';
import { CallFlow } from './call-flow.service.js';
import { CallProgressTracker } from './call-progress.service.js';
import { CallScript } from './call-script.js';
import { ChallengeExpiry } from './challenge-expiry.service.js';
import { ChallengeIssuer } from './challenge-issuer.service.js';
import { ChallengeReader } from './challenge-reader.service.js';
import { ChallengeTermination } from './challenge-termination.service.js';
import { ChallengeRepository } from './challenge.repository.js';
import { CodeKeys } from './code/code-keys.js';
import { CodeStrengthWarning } from './code-strength.warning.js';
import { CodeSealer } from './code/code-sealer.js';
import { EnrollmentService } from './enrollment.service.js';
import { DigitHasher } from './code/digit-hasher.js';
import { Challenge } from './entities/challenge.entity.js';
import { FraudReportListener } from './fraud-report.listener.js';
import { SessionEndListener } from './session-end.listener.js';
import { VerificationAuditListener } from './verification-audit.listener.js';
import { VerificationGateway } from './verification.gateway.js';
import { VoiceWebhooksController } from './voice-webhooks.controller.js';
import { WebhookUrls } from './webhook-urls.js';

/**
 * Challenges and their state machine, the call script and its webhooks, and the live
 * feedback gateway. State changes are announced as events; the gateway and the audit
 * listener subscribe, so none of them knows the others.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Challenge]),
    UsersModule,
    TelephonyModule,
    AuditModule,
    SessionModule,
    RateLimitModule,
  ],
  controllers: [VoiceWebhooksController],
  providers: [
    ChallengeRepository,
    CodeKeys,
    DigitHasher,
    CodeSealer,
    WebhookUrls,
    ChallengeTermination,
    ChallengeIssuer,
    ChallengeReader,
    CallScript,
    AnsweredChallenges,
    CallFlow,
    CallProgressTracker,
    ChallengeExpiry,
    EnrollmentService,
    VerificationGateway,
    FraudReportListener,
    SessionEndListener,
    VerificationAuditListener,
    CodeStrengthWarning,
  ],
  exports: [ChallengeIssuer, ChallengeReader, CodeSealer, EnrollmentService],
})
export class VerificationModule {}

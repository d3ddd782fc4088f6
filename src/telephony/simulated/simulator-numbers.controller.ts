import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VirtualPhoneNumberResponse } from './dto/simulated-call.view.js';
import { SimulatedCarrier } from './simulated-carrier.js';
import { SimulatorOnlyGuard } from './simulator-only.guard.js';
import { VirtualPhoneBook, type VirtualPhoneListing } from './virtual-phone-book.js';

export interface VirtualPhoneNumber extends VirtualPhoneListing {
  /** When the carrier last called it; absent for a listed number not called yet. */
  lastCalledAt?: string;
}

/** The numbers the virtual phone page offers: listed ones first, then the recently called. */
@ApiTags('simulator')
@Controller('api/simulator/numbers')
@UseGuards(SimulatorOnlyGuard)
export class SimulatorNumbersController {
  constructor(
    private readonly carrier: SimulatedCarrier,
    private readonly phoneBook: VirtualPhoneBook,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Numbers to offer on the virtual phone (simulated carrier only)' })
  @ApiOkResponse({ type: [VirtualPhoneNumberResponse] })
  list(): VirtualPhoneNumber[] {
    const recent = this.carrier.recentNumbers();
    const lastCalled = new Map(recent.map((entry) => [entry.number, entry.lastCalledAt]));
    const listed: VirtualPhoneNumber[] = this.phoneBook.entries().map((entry) => ({
      ...entry,
      ...(lastCalled.has(entry.number) ? { lastCalledAt: lastCalled.get(entry.number) } : {}),
    }));
    const known = new Set(listed.map((entry) => entry.number));
    const others = recent
      .filter((entry) => !known.has(entry.number))
      .map((entry) => ({ ...entry, label: 'Recently called' }));
    return [...listed, ...others];
  }
}

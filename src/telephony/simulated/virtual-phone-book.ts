import { Injectable } from '@nestjs/common';

/** A number the virtual phone offers to watch, with who it belongs to. */
export interface VirtualPhoneListing {
  number: string;
  label: string;
}

/**
 * Numbers worth offering on the virtual phone page (the demo accounts' phones), so a person
 * trying Callgate need not know or type one. Filled by whoever knows them (the demo seeder);
 * the carrier itself knows only the numbers it has called.
 */
@Injectable()
export class VirtualPhoneBook {
  private readonly listings = new Map<string, string>();

  list(number: string, label: string): void {
    this.listings.set(number, label);
  }

  entries(): VirtualPhoneListing[] {
    return [...this.listings].map(([number, label]) => ({ number, label }));
  }
}

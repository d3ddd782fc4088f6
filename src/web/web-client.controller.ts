import { Controller, Get, NotFoundException, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { SimulatorOnlyGuard } from '../telephony/simulated/simulator-only.guard.js';
import { CLIENT_INDEX, clientIsBuilt } from './client-files.js';

/** The pages of the single-page client; each serves the same index.html. */
@ApiExcludeController()
@Controller()
export class WebClientController {
  @Get(['/', 'dashboard', 'admin'])
  page(@Res() response: Response): void {
    this.sendIndex(response);
  }

  /** The virtual phone exists only with the simulated carrier. */
  @Get('phone')
  @UseGuards(SimulatorOnlyGuard)
  phone(@Res() response: Response): void {
    this.sendIndex(response);
  }

  private sendIndex(response: Response): void {
    if (!clientIsBuilt())
      throw new NotFoundException('The web client is not built: run npm run build');
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(CLIENT_INDEX);
  }
}

/**
 * The charity fund of commerce-sustained stations (以商养站, 爱心基金): shops and their POS
 * terminals, the double-entry ledger, breakfast cards, the custodian account, reports and the
 * live screen's stream.
 */
import './fund.errors';
export { fundRoutes } from './fund.routes';
export { fundReportsRoutes } from './reports.routes';
export { fundPublicRoutes } from './public.routes';
export { posRoutes } from './pos.routes';
export { createShopsService, createFundRow, ensureShopAccounts, type ShopsService } from './shops.service';
export { createCardsService, type CardsService } from './cards.service';
export { createCardImportService, type CardImportService } from './cards-import.service';
export { cardImportRoutes } from './cards-import.routes';
export { createCustodianService, type CustodianService } from './custodian.service';
export { createLiveHub, type LiveHub } from './live';
export { signPosRequest, generateTerminalKey } from './pos-signing';
export { findBalanceMismatches, getTotals } from './ledger';
export * from './fund.tables';
export { simulateSales, sendSigned, randomSale } from './pos-simulator';
export { fundIndicators } from './fund.indicators';

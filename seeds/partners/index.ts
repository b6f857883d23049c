export { seedPartners, checkPartnerData, partnerSeedIds, type PartnerSeedCounts } from './partners.seed';

// Seats: who holds a Sales Navigator seat in the CRM, the contract limit, and who is a syncing user.
export * from './seats';

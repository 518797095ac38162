// Moved down to protocol, shared with the city hub's Excel export.
export * from '@qms/protocol/figure-columns';

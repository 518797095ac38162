// Moved down to protocol, shared with the city hub's exports and paragraph.
export * from '@qms/protocol/report-format';

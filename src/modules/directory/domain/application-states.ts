// Where an application to join the network stands, and what can happen to it.
export type ApplicationStatus = 'waiting' | 'questioned' | 'approved' | 'declined';
export type ApplicationEventKind = 'submitted' | 'question' | 'approved' | 'declined';

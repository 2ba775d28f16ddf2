// Enrollment: the library a program imports to run an admission round. It is built as layers
// (Package.swift lists them); this file makes them one module for the program that imports it.
@_exported import EnrollmentAudit
@_exported import EnrollmentCase
@_exported import EnrollmentEngines
@_exported import EnrollmentIO
@_exported import EnrollmentPublishing
@_exported import EnrollmentRound
@_exported import EnrollmentRunFolder
@_exported import EnrollmentVocabulary
@_exported import EnrollmentZones

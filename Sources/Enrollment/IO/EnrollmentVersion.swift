/// The version of the tool; recorded in every manifest, since results depend on it.
package enum EnrollmentVersion {
    package static let current = "0.2.0"
}

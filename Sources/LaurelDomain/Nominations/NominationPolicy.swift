/// Who may do what to a dossier (issue 9 point 10).
extension Identity {
    /// A level acts on the dossiers it holds through its own officers and leaders (an admin for
    /// anyone): an officer of a province does not approve in a commune's place.
    public func actsAsStage(_ unitId: Int64) -> Bool {
        isAdmin || ((role == .officer || role == .leader) && account.unitId == unitId)
    }
}

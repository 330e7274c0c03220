// Generated from shared/law/cases.json — do not edit by hand; refresh it with the script in
// docs/eligibility.md ("Tests").
// Test targets declare no resources, so the worked cases travel as a Swift string.
enum WorkedCasesJSON {
    static let text = #"""
        {
         "note": "Worked cases for the eligibility engine. 'input' is what `laurel check --input` reads; 'expect' lists, per subject, code and year, the verdict and, where given, eligibleFrom and bonusVND. 'why' explains, in words, by the rules of catalogue.md.",
         "input": {
          "subjects": [
           {
            "id": "p-v1",
            "kind": "individual",
            "staffCategory": "civil_servant",
            "holdsManagementPost": false,
            "years": [
             {
              "year": 2024,
              "rating": "good",
              "discipline": null,
              "initiatives": []
             }
            ],
            "awards": [],
            "check": [
             {
              "code": "LDTT",
              "year": 2024
             },
             {
              "code": "CSTDCS",
              "year": 2024
             }
            ]
           },
           {
            "id": "p-v2",
            "kind": "individual",
            "staffCategory": "civil_servant",
            "holdsManagementPost": false,
            "years": [
             {
              "year": 2024,
              "rating": "good",
              "discipline": null,
              "initiatives": [
               {
                "level": "grassroots"
               }
              ]
             }
            ],
            "awards": [],
            "check": [
             {
              "code": "CSTDCS",
              "year": 2024
             }
            ]
           },
           {
            "id": "p-v3",
            "kind": "individual",
            "staffCategory": "civil_servant",
            "holdsManagementPost": false,
            "years": [
             {
              "year": 2024,
              "rating": "excellent",
              "discipline": "reprimand",
              "initiatives": []
             }
            ],
            "awards": [],
            "check": [
             {
              "code": "LDTT",
              "year": 2024
             }
            ]
           },
           {
            "id": "p-v4",
            "kind": "individual",
            "staffCategory": "civil_servant",
            "holdsManagementPost": false,
            "years": [
             {
              "year": 2022,
              "rating": "excellent",
              "discipline": null,
              "initiatives": []
             },
             {
              "year": 2023,
              "rating": "excellent",
              "discipline": null,
              "initiatives": [
               {
                "level": "ministerial_provincial"
               }
              ]
             },
             {
              "year": 2024,
              "rating": "excellent",
              "discipline": null,
              "initiatives": []
             }
            ],
            "awards": [
             {
              "code": "CSTDCS",
              "year": 2022,
              "status": "valid"
             },
             {
              "code": "CSTDCS",
              "year": 2023,
              "status": "valid"
             },
             {
              "code": "CSTDCS",
              "year": 2024,
              "status": "valid"
             }
            ],
            "check": [
             {
              "code": "CSTD_BO",
              "year": 2024,
              "decisionDate": "2025-01-15"
             }
            ]
           },
           {
            "id": "p-v5",
            "kind": "individual",
            "staffCategory": "civil_servant",
            "holdsManagementPost": false,
            "years": [
             {
              "year": 2021,
              "rating": "excellent",
              "discipline": null,
              "initiatives": []
             },
             {
              "year": 2022,
              "rating": "good",
              "discipline": null,
              "initiatives": []
             },
             {
              "year": 2023,
              "rating": "excellent",
              "discipline": null,
              "initiatives": []
             },
             {
              "year": 2024,
              "rating": "excellent",
              "discipline": null,
              "initiatives": [
               {
                "level": "ministerial_provincial"
               }
              ]
             }
            ],
            "awards": [
             {
              "code": "CSTDCS",
              "year": 2021,
              "status": "valid"
             },
             {
              "code": "CSTDCS",
              "year": 2023,
              "status": "valid"
             },
             {
              "code": "CSTDCS",
              "year": 2024,
              "status": "valid"
             }
            ],
            "check": [
             {
              "code": "CSTD_BO",
              "year": 2024
             }
            ]
           },
           {
            "id": "p-v6",
            "kind": "individual",
            "staffCategory": "civil_servant",
            "holdsManagementPost": false,
            "years": [
             {
              "year": 2023,
              "rating": "excellent",
              "discipline": null,
              "initiatives": []
             },
             {
              "year": 2024,
              "rating": "excellent",
              "discipline": null,
              "initiatives": []
             }
            ],
            "awards": [
             {
              "code": "CSTDCS",
              "year": 2023,
              "status": "valid"
             },
             {
              "code": "CSTDCS",
              "year": 2024,
              "status": "valid"
             }
            ],
            "check": [
             {
              "code": "BK_BO",
              "year": 2024
             }
            ]
           },
           {
            "id": "p-v7",
            "kind": "individual",
            "staffCategory": "civil_servant",
            "holdsManagementPost": false,
            "years": [
             {
              "year": 2019,
              "rating": "good",
              "discipline": null,
              "initiatives": []
             },
             {
              "year": 2020,
              "rating": "excellent",
              "discipline": null,
              "initiatives": []
             },
             {
              "year": 2021,
              "rating": "good",
              "discipline": null,
              "initiatives": []
             },
             {
              "year": 2022,
              "rating": "excellent",
              "discipline": null,
              "initiatives": []
             },
             {
              "year": 2023,
              "rating": "good",
              "discipline": null,
              "initiatives": []
             },
             {
              "year": 2024,
              "rating": "excellent",
              "discipline": null,
              "initiatives": []
             }
            ],
            "awards": [
             {
              "code": "BK_BO",
              "year": 2019,
              "status": "valid"
             },
             {
              "code": "CSTDCS",
              "year": 2020,
              "status": "valid"
             },
             {
              "code": "CSTDCS",
              "year": 2022,
              "status": "valid"
             },
             {
              "code": "CSTDCS",
              "year": 2024,
              "status": "valid"
             }
            ],
            "check": [
             {
              "code": "BK_TTG",
              "year": 2024,
              "decisionDate": "2025-09-15"
             }
            ]
           },
           {
            "id": "p-v8",
            "kind": "individual",
            "staffCategory": "civil_servant",
            "holdsManagementPost": false,
            "years": [
             {
              "year": 2019,
              "rating": "good",
              "discipline": null,
              "initiatives": []
             },
             {
              "year": 2020,
              "rating": "excellent",
              "discipline": null,
              "initiatives": []
             },
             {
              "year": 2021,
              "rating": "good",
              "discipline": null,
              "initiatives": []
             },
             {
              "year": 2022,
              "rating": "excellent",
              "discipline": null,
              "initiatives": []
             },
             {
              "year": 2023,
              "rating": "good",
              "discipline": null,
              "initiatives": []
             },
             {
              "year": 2024,
              "rating": "excellent",
              "discipline": null,
              "initiatives": []
             }
            ],
            "awards": [
             {
              "code": "BK_BO",
              "year": 2019,
              "status": "revoked"
             },
             {
              "code": "CSTDCS",
              "year": 2020,
              "status": "valid"
             },
             {
              "code": "CSTDCS",
              "year": 2022,
              "status": "valid"
             },
             {
              "code": "CSTDCS",
              "year": 2024,
              "status": "valid"
             }
            ],
            "check": [
             {
              "code": "BK_TTG",
              "year": 2024
             }
            ]
           },
           {
            "id": "c-v9",
            "kind": "collective",
            "years": [
             {
              "year": 2024,
              "rating": "good",
              "discipline": null,
              "initiatives": []
             }
            ],
            "awards": [],
            "members": [
             {
              "id": "m1",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "good",
                "discipline": null,
                "initiatives": []
               }
              ],
              "awards": [
               {
                "code": "LDTT",
                "year": 2024,
                "status": "valid"
               }
              ]
             },
             {
              "id": "m2",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "good",
                "discipline": null,
                "initiatives": []
               }
              ],
              "awards": [
               {
                "code": "LDTT",
                "year": 2024,
                "status": "valid"
               }
              ]
             },
             {
              "id": "m3",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "good",
                "discipline": null,
                "initiatives": []
               }
              ],
              "awards": [
               {
                "code": "LDTT",
                "year": 2024,
                "status": "valid"
               }
              ]
             },
             {
              "id": "m4",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "good",
                "discipline": null,
                "initiatives": []
               }
              ],
              "awards": [
               {
                "code": "LDTT",
                "year": 2024,
                "status": "valid"
               }
              ]
             },
             {
              "id": "m5",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "good",
                "discipline": null,
                "initiatives": []
               }
              ],
              "awards": [
               {
                "code": "LDTT",
                "year": 2024,
                "status": "valid"
               }
              ]
             },
             {
              "id": "m6",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "good",
                "discipline": null,
                "initiatives": []
               }
              ],
              "awards": [
               {
                "code": "LDTT",
                "year": 2024,
                "status": "valid"
               }
              ]
             },
             {
              "id": "m7",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "good",
                "discipline": null,
                "initiatives": []
               }
              ],
              "awards": [
               {
                "code": "LDTT",
                "year": 2024,
                "status": "valid"
               }
              ]
             },
             {
              "id": "m8",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "complete",
                "discipline": null,
                "initiatives": []
               }
              ],
              "awards": []
             },
             {
              "id": "m9",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "complete",
                "discipline": null,
                "initiatives": []
               }
              ],
              "awards": []
             },
             {
              "id": "m10",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "complete",
                "discipline": null,
                "initiatives": []
               }
              ],
              "awards": []
             }
            ],
            "memberCount": 10,
            "check": [
             {
              "code": "TTLDTT",
              "year": 2024
             }
            ]
           },
           {
            "id": "c-v10",
            "kind": "collective",
            "years": [
             {
              "year": 2024,
              "rating": "excellent",
              "discipline": null,
              "initiatives": []
             }
            ],
            "awards": [],
            "members": [
             {
              "id": "m1",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "excellent",
                "discipline": null,
                "initiatives": []
               }
              ],
              "awards": [
               {
                "code": "LDTT",
                "year": 2024,
                "status": "valid"
               },
               {
                "code": "CSTDCS",
                "year": 2024,
                "status": "valid"
               }
              ]
             },
             {
              "id": "m2",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "good",
                "discipline": null,
                "initiatives": []
               }
              ],
              "awards": [
               {
                "code": "LDTT",
                "year": 2024,
                "status": "valid"
               }
              ]
             },
             {
              "id": "m3",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "good",
                "discipline": null,
                "initiatives": []
               }
              ],
              "awards": [
               {
                "code": "LDTT",
                "year": 2024,
                "status": "valid"
               }
              ]
             },
             {
              "id": "m4",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "good",
                "discipline": null,
                "initiatives": []
               }
              ],
              "awards": [
               {
                "code": "LDTT",
                "year": 2024,
                "status": "valid"
               }
              ]
             },
             {
              "id": "m5",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "good",
                "discipline": null,
                "initiatives": []
               }
              ],
              "awards": [
               {
                "code": "LDTT",
                "year": 2024,
                "status": "valid"
               }
              ]
             },
             {
              "id": "m6",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "good",
                "discipline": null,
                "initiatives": []
               }
              ],
              "awards": [
               {
                "code": "LDTT",
                "year": 2024,
                "status": "valid"
               }
              ]
             },
             {
              "id": "m7",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "good",
                "discipline": null,
                "initiatives": []
               }
              ],
              "awards": [
               {
                "code": "LDTT",
                "year": 2024,
                "status": "valid"
               }
              ]
             },
             {
              "id": "m8",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "good",
                "discipline": null,
                "initiatives": []
               }
              ],
              "awards": [
               {
                "code": "LDTT",
                "year": 2024,
                "status": "valid"
               }
              ]
             },
             {
              "id": "m9",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "complete",
                "discipline": null,
                "initiatives": []
               }
              ],
              "awards": []
             },
             {
              "id": "m10",
              "kind": "individual",
              "staffCategory": "public_employee",
              "holdsManagementPost": false,
              "years": [
               {
                "year": 2024,
                "rating": "complete",
                "discipline": "warning",
                "initiatives": []
               }
              ],
              "awards": []
             }
            ],
            "memberCount": 10,
            "check": [
             {
              "code": "TTLDXS",
              "year": 2024
             }
            ]
           }
          ]
         },
         "expect": [
          {
           "subject": "p-v1",
           "code": "LDTT",
           "year": 2024,
           "eligible": true,
           "why": "rated good, no discipline"
          },
          {
           "subject": "p-v1",
           "code": "CSTDCS",
           "year": 2024,
           "eligible": false,
           "eligibleFrom": 2025,
           "why": "good but not excellent and no initiative; an excellent 2025 would qualify"
          },
          {
           "subject": "p-v2",
           "code": "CSTDCS",
           "year": 2024,
           "eligible": true,
           "why": "LDTT criteria plus a grassroots initiative in the year"
          },
          {
           "subject": "p-v3",
           "code": "LDTT",
           "year": 2024,
           "eligible": false,
           "eligibleFrom": 2025,
           "why": "discipline in the year disqualifies its titles"
          },
          {
           "subject": "p-v4",
           "code": "CSTD_BO",
           "year": 2024,
           "eligible": true,
           "bonusVND": 7020000,
           "why": "3 consecutive CSTDCS and a provincial-level initiative in the window; 3.0 x 2,340,000"
          },
          {
           "subject": "p-v5",
           "code": "CSTD_BO",
           "year": 2024,
           "eligible": false,
           "eligibleFrom": 2025,
           "why": "2022 breaks the run; CSTDCS 2023-2025 would complete it"
          },
          {
           "subject": "p-v6",
           "code": "BK_BO",
           "year": 2024,
           "eligible": true,
           "why": "CSTDCS twice in a row"
          },
          {
           "subject": "p-v7",
           "code": "BK_TTG",
           "year": 2024,
           "eligible": true,
           "bonusVND": 8190000,
           "why": "BK_BO 2019, then 2020-2024 all good+ with CSTDCS 3 times; 3.5 x 2,340,000"
          },
          {
           "subject": "p-v8",
           "code": "BK_TTG",
           "year": 2024,
           "eligible": false,
           "eligibleFrom": 2030,
           "why": "the BK_BO was revoked; the replay earns BK_BO in 2025, then five more years"
          },
          {
           "subject": "c-v9",
           "code": "TTLDTT",
           "year": 2024,
           "eligible": true,
           "why": "7 of 10 members hold LDTT, nobody disciplined"
          },
          {
           "subject": "c-v10",
           "code": "TTLDXS",
           "year": 2024,
           "eligible": false,
           "why": "a member was disciplined with a warning"
          }
         ]
        }
        """#
}
